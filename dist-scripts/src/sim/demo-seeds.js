/** Ready-made tenants: a small realistic one for demos, and generated large ones for paging and benches. */
import { MAX_LINKS_PER_PORTAL } from './link-input.js';
import { SimInputError } from './http-error.js';
/** A 1x1 PNG: small enough to read, real enough to decode. */
const PNG_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/**
 * Portals Engineering, Ops and Sales; the five built-in certificates; a Client Connector setting on
 * the Client certificate; seven links covering the interesting cases: one on two portals, one with
 * a `data:` icon, one tied to an application, one disabled, one whose name needs HTML escaping.
 */
export function demoSeed() {
    return {
        userPortals: [{ name: 'Engineering' }, { name: 'Ops' }, { name: 'Sales' }],
        clientSettings: [{ clientCertificateType: 'ZAPP_CLIENT', enrollmentCert: 'Client' }],
        userPortalLinks: [
            {
                name: 'Grafana',
                link: 'grafana.corp.example.com',
                protocol: 'https://',
                linkPath: '/dashboards',
                description: 'Service dashboards',
                portals: ['Engineering', 'Ops'],
            },
            {
                name: 'GitLab',
                link: 'gitlab.corp.example.com',
                protocol: 'https://',
                description: 'Source code and CI',
                iconText: PNG_ICON,
                logoFileName: 'gitlab.png',
                portals: ['Engineering'],
            },
            {
                name: 'Jenkins',
                link: 'jenkins.corp.example.com',
                protocol: 'https://',
                applicationId: '145283994705999001',
                portals: ['Engineering'],
            },
            {
                name: 'Runbooks',
                link: 'wiki.corp.example.com',
                protocol: 'https://',
                linkPath: '/ops/runbooks',
                portals: ['Ops'],
            },
            { name: 'Legacy NAS', link: '10.20.30.40', protocol: 'http://', enabled: false, portals: ['Ops'] },
            {
                name: 'CRM',
                link: 'crm.corp.example.com',
                protocol: 'https://',
                description: 'Accounts & pipeline',
                portals: ['Sales'],
            },
            { name: 'Pricing & Quotes', link: 'quotes.corp.example.com', protocol: 'https://', portals: ['Sales'] },
        ],
    };
}
/**
 * `portals` portals named `portal-0`..., and `links` links named `link-0`..., link i on portal
 * i % portals. Names only, so it stays fast for 50,000 links. A portal holds at most 500 links:
 * ask for enough portals.
 */
export function generatedSeed({ links, portals, prefix = '' }) {
    if (!Number.isInteger(links) || links < 0 || !Number.isInteger(portals) || portals < 0) {
        throw new SimInputError('generatedSeed: links and portals must be non-negative integers');
    }
    if (links > 0 && portals === 0)
        throw new SimInputError('generatedSeed: links need at least one portal');
    if (portals > 0 && Math.ceil(links / portals) > MAX_LINKS_PER_PORTAL) {
        throw new SimInputError(`generatedSeed: ${links} links over ${portals} portals puts more than ${MAX_LINKS_PER_PORTAL} on a portal`);
    }
    const portalNames = Array.from({ length: portals }, (_, i) => `${prefix}portal-${i}`);
    const userPortalLinks = new Array(links);
    for (let i = 0; i < links; i++) {
        userPortalLinks[i] = {
            name: `${prefix}link-${i}`,
            link: `app-${i}.corp.example.com`,
            protocol: 'https://',
            portals: [portalNames[i % portals] ?? ''],
        };
    }
    return { userPortals: portalNames.map((name) => ({ name })), userPortalLinks };
}
