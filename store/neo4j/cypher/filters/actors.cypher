// Label tests inside OR are written with labels(n): the linter would otherwise
// read them as conjunctive label constraints on n.
MATCH (n:Person|Organization|Country)
  WHERE ($kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds))
    AND ($countryId IS NULL
      OR (n.id = $countryId AND 'Country' IN labels(n))
      OR EXISTS { (n)-[:NATIONAL_OF|IN_COUNTRY]->(:Country {id: $countryId}) })
    AND ($orgTypes IS NULL OR ('Organization' IN labels(n) AND n.type IN $orgTypes))
    AND ($texts IS NULL OR any(text IN $texts WHERE n.searchText CONTAINS text))
