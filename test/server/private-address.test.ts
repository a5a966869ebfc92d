/** Which addresses "analyse URL" refuses to connect to (src/server/analysis/private-address.ts). */
import { describe, expect, it } from 'vitest';
import { embeddedIpv4, isPrivateAddress } from '../../src/server/analysis/private-address.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['100.100.100.200', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['198.18.0.1', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['febf::1', true],
    ['fe80::1%eth0', true],
    ['ff02::1', true],
    // IPv4 inside IPv6, in the forms the URL parser and resolvers produce.
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:a9fe:a9fe', true],
    ['0:0:0:0:0:ffff:a00:1', true],
    ['::7f00:1', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['2002:c0a8:0101::1', true],
    ['not an address', true],
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false],
    ['64:ff9b::808:808', false],
    ['2606:4700:4700::1111', false],
    ['2001:db8::1', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('embeddedIpv4', () => {
  it.each([
    ['::ffff:a9fe:a9fe', '169.254.169.254'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['64:ff9b::7f00:1', '127.0.0.1'],
    ['2002:0a00:0001::', '10.0.0.1'],
    ['2606:4700::1111', null],
    ['127.0.0.1', null],
  ])('%s → %s', (address, expected) => {
    expect(embeddedIpv4(address)).toBe(expected);
  });
});
