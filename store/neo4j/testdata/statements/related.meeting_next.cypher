CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (n:Meeting)
  WHERE p:Meeting AND n.series = p.series
  WITH p, n
  ORDER BY n.sequence IS NULL, n.sequence, n.date IS NULL, n.date, n.id
  WITH p, collect(n) AS series
  WITH series, [i IN range(0, size(series) - 1) WHERE series[i] = p] AS at
  UNWIND CASE WHEN size(at) = 1 AND at[0] < size(series) - 1 THEN [series[at[0] + 1]] ELSE [] END AS n
  RETURN collect(n {
    node: n,
    out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
    in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
    signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
    evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
  }) AS children
}
RETURN p.id AS id, children
