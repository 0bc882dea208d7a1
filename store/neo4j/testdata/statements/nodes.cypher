CYPHER 5
UNWIND $ids AS id
OPTIONAL MATCH (t:Tombstone {id: id})
WITH id, coalesce(t.survivor, id) AS target
MATCH (n:Node {id: target})
RETURN id, n {
  node: n,
  out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
  in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
  signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
  evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
} AS node
