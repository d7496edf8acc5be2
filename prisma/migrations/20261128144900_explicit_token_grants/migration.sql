-- API tokens now list what they may call, nothing is implied any more. Configuration methods
-- (Cal.com connection, company data) need their own `config:<server>` grant.
-- Existing tokens keep exactly what they could call before, written out here.

-- An empty list used to mean every server.
UPDATE "api_tokens"
   SET "allowedServers" = ARRAY['appointments', 'branch', 'calcom', 'company', 'customer', 'knowledge', 'queue',
                                'retell', 'retell.function', 'service', 'staff', 'webhook',
                                'retell.config', 'config:calcom', 'config:company']
 WHERE cardinality("allowedServers") = 0;

-- A token bound to `calcom` or `company` could also change that server's configuration.
UPDATE "api_tokens"
   SET "allowedServers" = array_append("allowedServers", 'config:calcom')
 WHERE 'calcom' = ANY ("allowedServers") AND NOT ('config:calcom' = ANY ("allowedServers"));

UPDATE "api_tokens"
   SET "allowedServers" = array_append("allowedServers", 'config:company')
 WHERE 'company' = ANY ("allowedServers") AND NOT ('config:company' = ANY ("allowedServers"));
