import type { SimSeed } from '../../src/sim/types.js';

/**
 * The demo tenant, made to meet examples/manifests halfway: some links match, some have drifted
 * (a description, a missing portal, a missing icon), one is not in the manifests at all, one sits
 * on a portal the manifests do not manage, and the client settings disagree.
 */
export function demoTenant(): SimSeed {
  return {
    userPortals: [{ name: 'Engineering' }, { name: 'Ops' }, { name: 'Sales' }, { name: 'Support' }],
    clientSettings: [
      { clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Connector' },
      { clientCertificateType: 'APP_PROTECTION', enrollmentCert: 'Client', name: 'AppProtection (old)' },
    ],
    userPortalLinks: [
      {
        name: 'Grafana',
        link: 'grafana.corp.example.com',
        protocol: 'https://',
        linkPath: '/d/home',
        description: 'Team dashboards',
        portals: ['Engineering'],
      },
      {
        name: 'Jira',
        link: 'jira.corp.example.com',
        protocol: 'https://',
        description: 'Tickets',
        applicationId: '145283994705999001',
        portals: ['Engineering'],
      },
      { name: 'Old wiki', link: 'wiki.corp.example.com', protocol: 'https://', portals: ['Engineering'] },
      {
        name: 'Status page',
        link: 'status.corp.example.com',
        protocol: 'https://',
        portals: ['Engineering', 'Support'],
      },
      {
        name: 'Expenses',
        link: 'expenses.corp.example.com',
        protocol: 'https://',
        description: 'Added by the Sales team',
        portals: ['Sales'],
      },
      { name: 'Runbooks', link: 'runbooks.corp.example.com', protocol: 'https://', portals: ['Support'] },
    ],
  };
}
