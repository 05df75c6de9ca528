/** Header plumbing shared by every provider: client header forwarding rules and a client-neutral sink. */
package dev.llmrouter.http;
