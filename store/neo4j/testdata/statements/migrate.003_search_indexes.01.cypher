CYPHER 5 CREATE TEXT INDEX person_search_text IF NOT EXISTS FOR (n:Person) ON (n.searchText)
