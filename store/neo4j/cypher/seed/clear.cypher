// Seed, step 3: drop what each re-seeded record owns (its evidence, signed
// documents and the relationships derived from its fields), so that a record
// whose references changed leaves nothing stale. Relationship types are split by
// the end that owns them, as in the node projection (fragments/node.cypher).
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
CALL (n) {
  MATCH (n)-[r:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->()
  DELETE r
}
CALL (n) {
  MATCH (n)<-[r:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-()
  DELETE r
}
RETURN count(n) AS cleared
