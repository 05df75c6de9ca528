/**
 * Model-gated translation rules as data tables, one per wire format (which parameters a model family
 * takes, reasoning effort ranges, thinking styles, cache breakpoint support), each with its own tests.
 */
package dev.llmrouter.translate.rules;
