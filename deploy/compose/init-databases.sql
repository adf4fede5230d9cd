-- One database per service, and Keycloak's own: no service reads another's tables.
CREATE DATABASE survey;
CREATE DATABASE scoring;
CREATE DATABASE evidence;
CREATE DATABASE activity;
CREATE DATABASE keycloak;
