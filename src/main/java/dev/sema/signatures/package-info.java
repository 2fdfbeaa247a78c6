/**
 * Signed requests (RFC 9421 HTTP Message Signatures with HMAC-SHA256, RFC 9530 Content-Digest):
 * {@link dev.sema.signatures.MessageSignatures} checks a request's signature, its body's digest, its age and its
 * nonce, which {@link dev.sema.signatures.Nonces} remembers in Redis ({@code fleet.SharedStore}) or in memory. No
 * HTTP: the edge hands it the request's parts and answers its refusals.
 */
package dev.sema.signatures;
