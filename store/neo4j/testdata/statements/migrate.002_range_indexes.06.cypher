CYPHER 5 CREATE INDEX role_valid_from IF NOT EXISTS FOR (n:Role) ON (n.validFrom)
