// Info: the dataset version and the number of nodes of every kind, one column
// per kind (the count store answers each COUNT of a single label).
CYPHER 5
OPTIONAL MATCH (d:Dataset {id: $datasetId})
RETURN d.version AS version,
  COUNT { (:Person) } AS PERSON,
  COUNT { (:Organization) } AS ORGANIZATION,
  COUNT { (:Country) } AS COUNTRY,
  COUNT { (:Role) } AS ROLE,
  COUNT { (:Meeting) } AS MEETING,
  COUNT { (:Commitment) } AS COMMITMENT,
  COUNT { (:Project) } AS PROJECT,
  COUNT { (:Programme) } AS PROGRAMME,
  COUNT { (:Pillar) } AS PILLAR,
  COUNT { (:Figure) } AS FIGURE,
  COUNT { (:Source) } AS SOURCE,
  COUNT { (:Evidence) } AS evidence,
  COUNT { ()-[]->() } AS relationships
