#!/usr/bin/env python3
"""Writes the vendored schema files of this folder from their pinned sources (see SOURCES.md).

Kept to what the manifests use: the Kubernetes definitions reachable from the kinds we deploy, and
the served versions of the operators' CRDs, each without its descriptions (most of their size).
Nothing else is changed: the Java test applies the strict reading (no unknown fields, int-or-string)
itself, so these files stay faithful to their sources.

  python3 vendor.py k8s <swagger.json.unprocessed>             > kubernetes-<version>.json
  python3 vendor.py crds <crd.yaml>...                         > crds-<operator>-<version>.json
"""
import json
import sys

import yaml

# Kinds the manifests use; add one here (and re-run) when a manifest gains a new kind.
K8S_ROOTS = [
    "io.k8s.api.core.v1.Namespace", "io.k8s.api.core.v1.ConfigMap", "io.k8s.api.core.v1.Secret",
    "io.k8s.api.core.v1.Service", "io.k8s.api.core.v1.ServiceAccount",
    "io.k8s.api.core.v1.PersistentVolumeClaim", "io.k8s.api.apps.v1.Deployment",
    "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", "io.k8s.api.policy.v1.PodDisruptionBudget",
    "io.k8s.api.networking.v1.NetworkPolicy",
    "io.k8s.api.networking.v1.Ingress", "io.k8s.api.batch.v1.Job",
]


def strip(node):
    if isinstance(node, dict):
        # Descriptions (text) go; a field that happens to be called "description" (a schema) stays.
        return {k: strip(v) for k, v in node.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                out.add(v.split("/")[-1])
            else:
                refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)


def k8s(path):
    doc = json.load(open(path))
    defs = doc["definitions"]
    keep, todo = set(), list(K8S_ROOTS)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        found = set()
        refs(defs[name], found)
        todo.extend(found - keep)
    return {"definitions": {n: strip(defs[n]) for n in sorted(keep)}}


def crds(paths):
    out = {}
    for path in paths:
        for crd in yaml.safe_load_all(open(path)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            for version in spec["versions"]:
                if version.get("served"):
                    key = f'{spec["group"]}/{version["name"]}/{spec["names"]["kind"]}'
                    out[key] = strip(version["schema"]["openAPIV3Schema"])
    return out


if __name__ == "__main__":
    result = k8s(sys.argv[2]) if sys.argv[1] == "k8s" else crds(sys.argv[2:])
    json.dump(result, sys.stdout, indent=None, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")
