/**
 * Google credentials through google-auth-library: service-account keys, application-default credentials
 * and plain access tokens, as refreshing bearer tokens for the Gemini and Vertex AI providers.
 */
package dev.llmrouter.providers.auth.google;
