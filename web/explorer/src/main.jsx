// The Corridor explorer: search, entity views, a graph canvas, paths between two
// nodes, a timeline and a reader view of the sources, for people who do not
// write GraphQL. Its state is its URL (url.js); every request goes to the
// server it was loaded from (api.js).
import './style.css';

import { createRoot } from 'react-dom/client';

import { capabilities } from './api.js';
import { App } from './App.jsx';

capabilities(); // read the schema while React starts

createRoot(document.getElementById('app')).render(<App />);
