/** Provider credentials ({@link dev.llmrouter.auth.AuthConfig}) and secret redaction. */
package dev.llmrouter.auth;
