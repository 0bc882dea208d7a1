CYPHER 5 CREATE INDEX evidence_speaker IF NOT EXISTS FOR (n:Evidence) ON (n.speaker)
