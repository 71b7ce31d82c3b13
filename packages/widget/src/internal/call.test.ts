import { expect } from '@open-wc/testing';
import { oneClickFormat } from './call.js';

describe('oneClickFormat (bookings made without a review step)', () => {
  it('keeps the format wanted when it needs no phone number', () => {
    expect(oneClickFormat({ formats: ['call', 'chat'], hasCallBridge: false }, 'chat')).to.equal('chat');
    expect(oneClickFormat({ formats: ['call'], hasCallBridge: true }, 'call')).to.equal('call');
  });

  it('never picks a call that would need the learner’s number while another format is offered', () => {
    expect(oneClickFormat({ formats: ['call', 'chat'], hasCallBridge: false }, 'call')).to.equal('chat');
    expect(oneClickFormat({ formats: ['call', 'video'], hasCallBridge: false })).to.equal('video');
    expect(oneClickFormat({ formats: ['chat', 'video'], hasCallBridge: false }, 'call')).to.equal('video');
  });

  it('falls back to the call when the mentor offers nothing else (the server then says a number is needed)', () => {
    expect(oneClickFormat({ formats: ['call'], hasCallBridge: false }, 'video')).to.equal('call');
  });
});
