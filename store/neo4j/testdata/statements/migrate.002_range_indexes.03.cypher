CYPHER 5 CREATE INDEX organization_type IF NOT EXISTS FOR (n:Organization) ON (n.type)
