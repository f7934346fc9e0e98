export async function sendWrite(op, writer) {
    switch (op.call) {
        case 'upsertClientSetting':
            await writer.upsertClientSetting(op.body);
            return;
        case 'deleteClientSetting':
            await writer.deleteClientSetting(op.type);
            return;
        case 'createUserPortalLink':
            await writer.createUserPortalLink(op.link, op.portalIds);
            return;
        case 'bulkCreateUserPortalLinks':
            await writer.bulkCreateUserPortalLinks(op.links, op.portalIds);
            return;
        case 'updateUserPortalLink':
            await writer.updateUserPortalLink(op.id, op.body);
            return;
        case 'deleteUserPortalLink':
            await writer.deleteUserPortalLink(op.id);
            return;
    }
}
