CYPHER 5 CREATE INDEX meeting_series IF NOT EXISTS FOR (n:Meeting) ON (n.series)
