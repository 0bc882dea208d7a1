// The projection of one record n: the node itself, the relationships it owns
// (with the ID of the other end), the documents it signed and its evidence with
// the ID of the quoted source. A map projection rather than a map literal: the
// offline linter cannot analyse pattern comprehensions inside map literals.
n {
  node: n,
  out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
  in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
  signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
  evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
}
