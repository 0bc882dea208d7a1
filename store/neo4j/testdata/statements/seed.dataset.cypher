CYPHER 5
MERGE (d:Dataset {id: $datasetId})
SET d.version = $version
RETURN d.version AS version
