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
