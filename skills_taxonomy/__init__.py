"""skills_taxonomy: canonical skills, aliases, is-a hierarchy, typo-tolerant look-up and tagging.

from skills_taxonomy import load_taxonomy
taxonomy = load_taxonomy()              # cached per process
taxonomy.lookup("SFDC").id              # 'salesforce'
taxonomy.tag("Built sequences in Outreach and Salesforce")
taxonomy.satisfies("hubspot", "crm-software")
"""

from skills_taxonomy.loading import load_taxonomy
from skills_taxonomy.records import Entry, LookupResult, TaggedSpan
from skills_taxonomy.taxonomy import Taxonomy

__all__ = ["Entry", "LookupResult", "TaggedSpan", "Taxonomy", "load_taxonomy"]
