// Info: the dataset version and the number of nodes of every kind (count store).
CYPHER 5
OPTIONAL MATCH (d:Dataset {id: $datasetId})
RETURN d.version AS version,
  {
    PERSON: COUNT { (:Person) },
    ORGANIZATION: COUNT { (:Organization) },
    COUNTRY: COUNT { (:Country) },
    ROLE: COUNT { (:Role) },
    MEETING: COUNT { (:Meeting) },
    COMMITMENT: COUNT { (:Commitment) },
    PROJECT: COUNT { (:Project) },
    PROGRAMME: COUNT { (:Programme) },
    PILLAR: COUNT { (:Pillar) },
    FIGURE: COUNT { (:Figure) },
    SOURCE: COUNT { (:Source) }
  } AS counts,
  COUNT { (:Evidence) } AS evidence,
  COUNT { ()-[]->() } AS relationships
