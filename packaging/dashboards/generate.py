#!/usr/bin/env python3
"""Writes agent-telemetry.ndjson (OpenSearch Dashboards saved objects) from the panel list below.
The NDJSON is the artifact users import; this script is how it is made. Run: python3 packaging/dashboards/generate.py"""
import json, os

here = os.path.dirname(os.path.abspath(__file__))
TOOL_CALLS = 'attributes.gen_ai.operation.name:execute_tool'

def terms(field, size=20, schema='bucket', id_='2'):
    return {"id": id_, "enabled": True, "type": "terms", "schema": schema,
            "params": {"field": field, "size": size, "order": "desc", "orderBy": "1", "otherBucket": False, "missingBucket": False}}

def metric(type_, field=None, id_='1', **params):
    p = dict(params)
    if field:
        p["field"] = field
    return {"id": id_, "enabled": True, "type": type_, "schema": "metric", "params": p}

def filters(named, id_='3', schema='bucket'):
    return {"id": id_, "enabled": True, "type": "filters", "schema": schema,
            "params": {"filters": [{"input": {"query": q, "language": "lucene"}, "label": label} for label, q in named]}}

def histogram(field, id_='2'):
    return {"id": id_, "enabled": True, "type": "date_histogram", "schema": "segment",
            "params": {"field": field, "useNormalizedOpenSearchInterval": True, "interval": "auto", "min_doc_count": 1, "extended_bounds": {}}}

# id, title, vis type, index pattern, lucene query, aggs
PANELS = [
    ("agent-tool-calls", "Tool calls: calls and p50/p95/p99 latency per tool", "table", "agent-spans", TOOL_CALLS,
     [metric("count"), metric("percentiles", "durationInNanos", id_='4', percents=[50, 95, 99]), terms("attributes.gen_ai.tool.name")]),
    ("agent-tool-errors", "Tool errors: calls and errors per tool (error rate = errors / calls)", "table", "agent-spans", TOOL_CALLS,
     [metric("count"), terms("attributes.gen_ai.tool.name"), filters([("errors", "status.code:2"), ("calls", "*")])]),
    ("agent-tokens-by-model", "Tokens by model", "table", "agent-spans", "attributes.gen_ai.usage.input_tokens:*",
     [metric("sum", "attributes.gen_ai.usage.input_tokens"), metric("sum", "attributes.gen_ai.usage.output_tokens", id_='4'),
      terms("attributes.gen_ai.request.model")]),
    ("agent-tokens-by-agent", "Tokens by agent", "table", "agent-spans", "attributes.gen_ai.usage.input_tokens:*",
     [metric("sum", "attributes.gen_ai.usage.input_tokens"), metric("sum", "attributes.gen_ai.usage.output_tokens", id_='4'),
      terms("attributes.gen_ai.agent.name")]),
    ("agent-sessions", "Sessions", "metric", "agent-spans", "*",
     [metric("cardinality", "attributes.gen_ai.conversation.id")]),
    ("agent-traces-over-time", "Traces over time", "line", "agent-spans", "*",
     [metric("cardinality", "traceId"), histogram("startTime")]),
    ("agent-retries-timeouts", "Retries and timeouts per tool", "table", "agent-spans", TOOL_CALLS,
     [metric("count"), terms("attributes.gen_ai.tool.name"),
      filters([("retries", "attributes.agent_telemetry.retry.attempt:>=2"), ("timeouts", "attributes.agent_telemetry.timeout:true")])]),
    ("agent-approvals", "Human approvals: decisions and p95 wait", "table", "agent-spans", "attributes.agent_telemetry.approval.decision:*",
     [metric("count"), metric("percentiles", "attributes.agent_telemetry.approval.wait_ms", id_='4', percents=[95]),
      terms("attributes.agent_telemetry.approval.decision")]),
    ("agent-policy-denials", "Policy and permission denials by tool", "table", "agent-spans", "attributes.agent_telemetry.policy.decision:deny",
     [metric("count"), terms("attributes.gen_ai.tool.name")]),
    ("agent-redactions", "Redaction hits by detector and sensitivity", "table", "agent-spans", "agentTelemetry.findingCount:>0",
     [metric("sum", "agentTelemetry.findingCount"), terms("agentTelemetry.findingTypes"), terms("agentTelemetry.sensitivity", id_='3')]),
    ("agent-ingest-lag", "Connector ingest lag (ms from Kafka timestamp to indexing)", "line", "agent-spans", "*",
     [metric("avg", "agentTelemetry.ingestLagMs"), metric("max", "agentTelemetry.ingestLagMs", id_='4'), histogram("startTime")]),
]

def vis(id_, title, type_, index, query, aggs):
    params = {"perPage": 20, "showPartialRows": False, "showMetricsAtAllLevels": False} if type_ == "table" else {}
    return {"id": id_, "type": "visualization", "attributes": {
        "title": title, "description": "", "version": 1, "uiStateJSON": "{}",
        "visState": json.dumps({"title": title, "type": type_, "aggs": aggs, "params": params}),
        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({
            "query": {"query": query, "language": "lucene"}, "filter": [],
            "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"})}},
        "references": [{"name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern", "id": index}]}

objects = [
    {"id": "agent-spans", "type": "index-pattern", "attributes": {"title": "agent-spans-*", "timeFieldName": "startTime"}, "references": []},
    {"id": "agent-logs", "type": "index-pattern", "attributes": {"title": "agent-logs-*", "timeFieldName": "time"}, "references": []},
]
objects += [vis(*p) for p in PANELS]
panels = []
for i, p in enumerate(PANELS):
    panels.append({"panelIndex": str(i + 1), "gridData": {"x": (i % 2) * 24, "y": (i // 2) * 15, "w": 24, "h": 15, "i": str(i + 1)},
                   "embeddableConfig": {}, "version": "2.19.0", "panelRefName": "panel_" + str(i)})
objects.append({"id": "agent-telemetry-overview", "type": "dashboard", "attributes": {
    "title": "Agent telemetry: tools, tokens, approvals, denials, redactions", "description": "Shipped with Agent Telemetry Connect",
    "panelsJSON": json.dumps(panels), "optionsJSON": json.dumps({"useMargins": True, "hidePanelTitles": False}),
    "timeRestore": False, "version": 1, "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({"query": {"query": "", "language": "lucene"}, "filter": []})}},
    "references": [{"name": "panel_" + str(i), "type": "visualization", "id": p[0]} for i, p in enumerate(PANELS)]})

with open(os.path.join(here, 'agent-telemetry.ndjson'), 'w') as f:
    for o in objects:
        f.write(json.dumps(o, separators=(',', ':')) + '\n')
print('wrote', len(objects), 'saved objects')
