CYPHER 5 CREATE INDEX audit_node IF NOT EXISTS FOR (n:Audit) ON (n.nodeId)
