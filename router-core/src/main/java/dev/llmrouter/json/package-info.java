/**
 * Streaming JSON helpers on jackson-core: one shared factory, single-pass scans that record byte spans, and
 * byte-level splices that edit a field while leaving every other byte (and every number's text) untouched.
 */
package dev.llmrouter.json;
