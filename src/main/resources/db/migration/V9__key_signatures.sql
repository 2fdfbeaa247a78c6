-- Signed requests (RFC 9421): whether a key must sign every request, and the secret its HMAC is keyed with. HMAC
-- needs the secret itself on the server, so it cannot be stored as a digest like the key: it is stored sealed with
-- AES-256-GCM under sema.signing-kek (bound to the key's id), as "v1:" + base64 of IV and ciphertext. NULL: the key
-- was created while no sealing key was configured, and cannot be made to sign.
ALTER TABLE api_keys ADD COLUMN require_signature BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE api_keys ADD COLUMN signing_secret VARCHAR(200);
