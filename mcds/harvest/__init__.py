"""Harvest: fetch each registered publisher's data from its own website, put it through the publication gate,
keep the valid one as the publisher's current data and the last good one when the new one fails, and keep a
status record of every attempt (mcds harvest REGISTRY --out DIR; then mcds build --submissions DIR).

Layer: above mcds.publish (the gate), below mcds.portal (which shows the status records)."""
