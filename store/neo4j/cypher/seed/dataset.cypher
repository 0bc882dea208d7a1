// Seed, step 7: the dataset's version, read back by Info.
CYPHER 5
MERGE (d:Dataset {id: $datasetId})
SET d.version = $version
RETURN d.version AS version
