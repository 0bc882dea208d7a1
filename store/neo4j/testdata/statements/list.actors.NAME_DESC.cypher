CYPHER 5
CALL () {
  MATCH (n:Person|Organization|Country)
    WHERE ($kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds))
      AND ($countryId IS NULL
        OR (n.id = $countryId AND 'Country' IN labels(n))
        OR EXISTS { (n)-[:NATIONAL_OF|IN_COUNTRY]->(:Country {id: $countryId}) })
      AND ($orgTypes IS NULL OR ('Organization' IN labels(n) AND n.type IN $orgTypes))
      AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
  WITH n, n.sortLabel AS key
  RETURN count(n) AS total, count(CASE WHEN ($afterId IS NULL OR ($afterKey IS NULL AND key IS NULL AND n.id > $afterId) OR ($afterKey IS NOT NULL AND (key IS NULL OR key < $afterKey OR (key = $afterKey AND n.id > $afterId)))) THEN 1 END) AS remaining
}
CALL () {
  MATCH (n:Person|Organization|Country)
    WHERE ($kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds))
      AND ($countryId IS NULL
        OR (n.id = $countryId AND 'Country' IN labels(n))
        OR EXISTS { (n)-[:NATIONAL_OF|IN_COUNTRY]->(:Country {id: $countryId}) })
      AND ($orgTypes IS NULL OR ('Organization' IN labels(n) AND n.type IN $orgTypes))
      AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
  WITH n, n.sortLabel AS key
  WHERE ($afterId IS NULL OR ($afterKey IS NULL AND key IS NULL AND n.id > $afterId) OR ($afterKey IS NOT NULL AND (key IS NULL OR key < $afterKey OR (key = $afterKey AND n.id > $afterId))))
  WITH n, key
  ORDER BY key IS NULL, key DESC, n.id
  LIMIT $limit
  RETURN collect([key, n {
    node: n,
    out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
    in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
    signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
    evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
  }]) AS rows
}
RETURN total, remaining, rows
