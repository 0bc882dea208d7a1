CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:PART_OF]-(n:Programme)
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect(n {
    node: n,
    out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
    in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
    signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
    evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
  }) AS children
}
RETURN p.id AS id, children
