import { describe, expect, it } from 'vitest';
import { replyTextOf } from './reply-text.js';

// Replies as mail clients write them (text/plain, or the text mailparser makes of the HTML),
// each answering a notification sent from reply+…@reply.example.org.
const ADDRESS = 'reply+mfrgg2lonbqw4zdfnzsgk3tbnvswy5dpmfrgg2lonbqw4zdfnz@reply.example.org';

const lines = (...l: string[]) => l.join('\r\n');

describe('what a person wrote, without what their mail client added', () => {
  it('Gmail (en): the wrapped "On … wrote:" line and the quote below it go', () => {
    const text = lines(
      'Thanks, grouping by the order id fixed it!',
      '',
      'I will try the LEFT JOIN next.',
      '',
      'On Wed, Nov 25, 2026 at 12:05\u202fPM Grace Hopper via Micromentor <',
      `${ADDRESS}> wrote:`,
      '',
      '> Try grouping by the order id before joining.',
      '>',
      '> --',
      '> You get this because you asked for help on Micromentor.',
      '',
    );
    expect(replyTextOf(text)).toBe(
      'Thanks, grouping by the order id fixed it!\n\nI will try the LEFT JOIN next.',
    );
  });

  it('Gmail (es): "El … escribió:" over two lines', () => {
    const text = lines(
      '¡Gracias! Ya funciona con el GROUP BY.',
      '',
      `El mié, 25 nov 2026 a las 12:05, Grace Hopper (<${ADDRESS}>)`,
      'escribió:',
      '',
      '> Prueba a agrupar por el id del pedido antes del JOIN.',
    );
    expect(replyTextOf(text)).toBe('¡Gracias! Ya funciona con el GROUP BY.');
  });

  it('Gmail (fr): "Le … a écrit :"', () => {
    const text = lines(
      'Merci, ça marche !',
      '',
      `Le mer. 25 nov. 2026 à 12:05, Grace Hopper <${ADDRESS}> a écrit :`,
      '',
      '> Essayez de grouper par commande.',
    );
    expect(replyTextOf(text)).toBe('Merci, ça marche !');
  });

  it('Apple Mail on an iPhone (en): "Sent from my iPhone" and the quoted attribution go', () => {
    const text = lines(
      'Perfect, see you Thursday.',
      '',
      'Sent from my iPhone',
      '',
      `> On 25 Nov 2026, at 12:05, Grace Hopper <${ADDRESS}> wrote:`,
      '> ',
      '> Does Thursday at 10:00 work for you?',
    );
    expect(replyTextOf(text)).toBe('Perfect, see you Thursday.');
  });

  it('Apple Mail on an iPhone (es): "Enviado desde mi iPhone"', () => {
    const text = lines(
      'Perfecto, nos vemos el jueves.',
      '',
      'Enviado desde mi iPhone',
      '',
      `> El 25 nov 2026, a las 12:05, Grace Hopper <${ADDRESS}> escribió:`,
      '> ',
      '> ¿Te va bien el jueves a las 10:00?',
    );
    expect(replyTextOf(text)).toBe('Perfecto, nos vemos el jueves.');
  });

  it('Apple Mail on a Mac (en): an unquoted attribution line', () => {
    const text = lines(
      'Yes, that is the query.',
      '',
      `On 25 Nov 2026, at 12:05, Grace Hopper <${ADDRESS}> wrote:`,
      '',
      'Can you paste the query you ran?',
    );
    expect(replyTextOf(text)).toBe('Yes, that is the query.');
  });

  it('Outlook (en): the header block under its rule goes, the sign-off stays', () => {
    const text = lines(
      'Yes, Thursday works for me.',
      '',
      'Best,',
      'Lena',
      '',
      '________________________________',
      `From: Grace Hopper via Micromentor <${ADDRESS}>`,
      'Sent: Wednesday, November 25, 2026 12:05 PM',
      'To: Lena Learner <lena@example.org>',
      'Subject: New message from Grace Hopper',
      '',
      'Does Thursday at 10:00 work for you?',
    );
    expect(replyTextOf(text)).toBe('Yes, Thursday works for me.\n\nBest,\nLena');
  });

  it('Outlook (es): "De: … Enviado: … Para: … Asunto:"', () => {
    const text = lines(
      'Sí, el jueves me va bien.',
      '',
      '________________________________',
      `De: Grace Hopper via Micromentor <${ADDRESS}>`,
      'Enviado: miércoles, 25 de noviembre de 2026 12:05',
      'Para: Lena Learner <lena@example.org>',
      'Asunto: Nuevo mensaje de Grace Hopper',
      '',
      '¿Te va bien el jueves a las 10:00?',
    );
    expect(replyTextOf(text)).toBe('Sí, el jueves me va bien.');
  });

  it('older Outlook: "-----Original Message-----" (and the Spanish one)', () => {
    const en = lines(
      'Done, thanks.',
      '',
      '-----Original Message-----',
      `From: Grace Hopper [mailto:${ADDRESS}]`,
      'Sent: Wednesday, November 25, 2026 12:05 PM',
      'Can you try again?',
    );
    expect(replyTextOf(en)).toBe('Done, thanks.');
    expect(replyTextOf(lines('Hecho, gracias.', '', '-----Mensaje original-----', 'De: Grace'))).toBe(
      'Hecho, gracias.',
    );
  });

  it('a signature after "-- " goes; so does "Get Outlook for iOS"', () => {
    expect(replyTextOf(lines('See you then.', '', '-- ', 'Lena Learner', 'Data analyst, Acme'))).toBe(
      'See you then.',
    );
    expect(replyTextOf(lines('See you then.', '', 'Get Outlook for iOS'))).toBe('See you then.');
  });

  it('keeps what only looks like quoting: a sentence about writing, a "From:" that is no header block', () => {
    const text = lines(
      'On second thought, here is what I wrote:',
      'SELECT * FROM orders o LEFT JOIN items i ON i.order_id = o.id;',
      'From: my own notes, the join duplicates rows.',
    );
    expect(replyTextOf(text)).toBe(text.replaceAll('\r\n', '\n'));
  });

  it('leaves nothing of a reply that only quotes', () => {
    expect(replyTextOf(lines('', `On Wed, Nov 25, 2026 at 12:05 PM Grace <${ADDRESS}> wrote:`, '> hi'))).toBe(
      '',
    );
    expect(replyTextOf('> just the quote\n>\n')).toBe('');
  });

  it('drops lines quoted with ">" between the reply\'s own lines', () => {
    expect(
      replyTextOf(lines('> Which database?', 'PostgreSQL 15.', '> And the version of the driver?', 'pg 8.')),
    ).toBe('PostgreSQL 15.\npg 8.');
  });

  it('drops NUL and the other non-printing characters the API refuses, keeping tabs and line breaks', () => {
    const text = lines('Thanks\u0000, it\u0007 works\u001b[31m', '\tindented\u007f', '', '> quoted');
    expect(replyTextOf(text)).toBe('Thanks, it works[31m\n\tindented');
  });
});
