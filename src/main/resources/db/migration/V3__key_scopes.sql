-- What a key may do: space-separated scope names (translate detect documents glossaries usage admin:keys
-- admin:models admin:audit). NULL is the default, every non-admin scope, so existing keys keep what they could do.
ALTER TABLE api_keys ADD COLUMN scopes VARCHAR(400);
