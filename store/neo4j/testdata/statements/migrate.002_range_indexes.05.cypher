CYPHER 5 CREATE INDEX country_iso IF NOT EXISTS FOR (n:Country) ON (n.iso)
