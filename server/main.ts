// `npm start`: the board's data service. React (which draws pages on the server) reads NODE_ENV
// when it is first loaded, so it is set before anything else is imported.
process.env.NODE_ENV ??= 'production';
await import('./service');
export {};
