package org.metastasectomy.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hook request's body as read: its JSON, and the SHA-256 of its {@code prefetch} member's bytes exactly as sent (null
 * when the body was not read from memory or has no prefetch), which keys the {@link AssessmentMemo}.
 */
record HookBody(JsonNode json, byte[] prefetchDigest) {}
