-- Where a key may be used from: space-separated CIDR blocks (IPv4 or IPv6, host bits cleared), matched against the
-- client address the trusted-proxy rules decide. NULL: anywhere.
ALTER TABLE api_keys ADD COLUMN allowed_ips VARCHAR(4000);
