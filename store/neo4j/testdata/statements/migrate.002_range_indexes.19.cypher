CYPHER 5 CREATE INDEX project_status IF NOT EXISTS FOR (n:Project) ON (n.status)
