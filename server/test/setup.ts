// The data service's tests talk HTTP to a real server on 127.0.0.1; nothing is mocked.
export {};
