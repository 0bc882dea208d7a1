// Text indexes serve the connections' text filters (searchText CONTAINS …); the
// full-text index serves Search. Its three fields are written by the adapter
// already normalised (lower case, no diacritics, hyphenated words in both forms),
// so the whitespace analyzer only splits them: searchTokens holds every word of
// names, aliases, acronyms, titles and statements; searchExact holds each whole
// name, alias and acronym as one token (spaces as "_") for exact lookups;
// searchKind holds the node kind for the kinds filter.
CYPHER 5 CREATE TEXT INDEX person_search_text IF NOT EXISTS FOR (n:Person) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX organization_search_text IF NOT EXISTS FOR (n:Organization) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX country_search_text IF NOT EXISTS FOR (n:Country) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX meeting_search_text IF NOT EXISTS FOR (n:Meeting) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX commitment_search_text IF NOT EXISTS FOR (n:Commitment) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX project_search_text IF NOT EXISTS FOR (n:Project) ON (n.searchText);
CYPHER 5 CREATE TEXT INDEX source_search_text IF NOT EXISTS FOR (n:Source) ON (n.searchText);
CYPHER 5 CREATE FULLTEXT INDEX corridor_search IF NOT EXISTS
FOR (n:Node) ON EACH [n.searchTokens, n.searchExact, n.searchKind]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
CYPHER 5 CALL db.awaitIndexes(300);
