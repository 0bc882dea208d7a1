CYPHER 5 CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)
