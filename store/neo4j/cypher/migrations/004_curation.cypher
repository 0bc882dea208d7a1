// Curation: tombstones of merged and deleted records, the audit trail and the
// curation lock node (write/*.cypher). Finding the records whose evidence an
// actor spoke uses evidence_speaker (002).
CYPHER 5 CREATE CONSTRAINT tombstone_id IF NOT EXISTS FOR (n:Tombstone) REQUIRE n.id IS UNIQUE;
CYPHER 5 CREATE INDEX tombstone_survivor IF NOT EXISTS FOR (n:Tombstone) ON (n.survivor);
CYPHER 5 CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (n:Audit) REQUIRE n.seq IS UNIQUE;
CYPHER 5 CREATE INDEX audit_node IF NOT EXISTS FOR (n:Audit) ON (n.nodeId);
CYPHER 5 CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE;
