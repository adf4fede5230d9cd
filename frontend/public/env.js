// Runtime settings for `vite dev` / `vite preview`.
// In the started stack the gateway serves its own generated /env.js instead of this file,
// so one build runs anywhere. Contract: see README.md ("Runtime settings").
window.__ITA_ENV__ = {
  keycloakUrl: "http://localhost:8180",
  realm: "ita",
  clientId: "ita-frontend",
  apiBase: "/api"
};
