/** Gateway access control: user and admin tokens from bearer, x-api-key or x-goog-api-key headers. */
package dev.llmrouter.gateway.auth;
