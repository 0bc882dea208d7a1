// Curation: delete records with what they own (their evidence, signed documents
// and relationships). The adapter deletes only records nothing else refers to
// once the write is done (writeplan.CheckDeletable), or a merged record whose
// referrers the same transaction rewrites.
CYPHER 5
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  MATCH (n)-[:SUPPORTED_BY]->(e:Evidence)
  DETACH DELETE e
}
CALL (n) {
  MATCH (n)-[:SIGNED]->(d:Document)
  DETACH DELETE d
}
DETACH DELETE n
RETURN count(*) AS deleted
