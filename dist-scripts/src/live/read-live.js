const READERS = {
    clientSettings: (s) => s.listClientSettings(),
    userPortalLinks: (s) => s.listUserPortalLinks(),
    userPortals: (s) => s.listUserPortals(),
    enrollmentCerts: (s) => s.listEnrollmentCerts(),
    microtenants: (s) => s.listMicrotenants(),
};
/** The collections a set of manifests needs to be planned. */
export function collectionsFor(desired) {
    const needed = [];
    if (desired.clientSettings.length > 0)
        needed.push('clientSettings');
    // Certificates are needed to resolve a name, and for the certificate name the upsert must send.
    if (desired.clientSettings.some((s) => !s.absent))
        needed.push('enrollmentCerts');
    if (desired.portals.length > 0)
        needed.push('userPortalLinks', 'userPortals');
    return needed;
}
export async function readCollections(source, collections) {
    const entries = await Promise.all(collections.map(async (name) => [name, await READERS[name](source)]));
    return Object.fromEntries(entries);
}
/** Live state holding the collections read; the others are empty. */
export async function readLiveCollections(source, collections) {
    return { clientSettings: [], userPortalLinks: [], userPortals: [], ...(await readCollections(source, collections)) };
}
/** Live state for planning: only the collections the manifests need. */
export function readLiveState(source, desired) {
    return readLiveCollections(source, collectionsFor(desired));
}
