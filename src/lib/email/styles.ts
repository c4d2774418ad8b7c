/**
 * The email edition's stylesheet, a string handed to juice (never served). juice inlines every
 * rule into style="" attributes (mail clients strip <style> or ignore parts of it); only the
 * @media rules stay in a <style>, as a progressive enhancement for narrow screens. System fonts
 * only: no web font is loaded. Colours are the site's light scheme: many clients cannot switch.
 */
export const EMAIL_CSS = `
.email-body {
  margin: 0;
  padding: 0;
  background-color: #f4f1ea;
  color: #1d1c1a;
}
.wrapper {
  width: 100%;
  background-color: #f4f1ea;
  border-collapse: collapse;
}
.wrapper-cell {
  padding: 24px 12px;
}
.container {
  width: 100%;
  max-width: 600px;
  background-color: #fdfcf9;
  border: 1px solid #d9d4c8;
  border-collapse: collapse;
}
.topbar {
  padding: 12px 28px;
  border-bottom: 1px solid #d9d4c8;
  font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  font-size: 13px;
  line-height: 1.4;
  color: #55524b;
}
.topbar a {
  color: #1d4f91;
}
.masthead {
  padding: 24px 28px 0;
  font-family: Georgia, 'Times New Roman', serif;
}
.wordmark {
  font-size: 22px;
  font-weight: bold;
  color: #1d1c1a;
  text-decoration: none;
}
.tagline {
  margin: 4px 0 0;
  font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  font-size: 12px;
  letter-spacing: 1px;
  text-transform: uppercase;
  color: #8a2c14;
}
.content {
  padding: 8px 28px 24px;
  font-family: Georgia, 'Times New Roman', serif;
  font-size: 17px;
  line-height: 1.6;
  color: #1d1c1a;
}
.content h1 {
  font-size: 28px;
  line-height: 1.25;
  margin: 16px 0 8px;
}
.content h2,
.content h3 {
  font-size: 20px;
  line-height: 1.3;
  margin: 24px 0 8px;
}
.content p,
.content ul,
.content ol,
.content blockquote {
  margin: 0 0 16px;
}
.content a {
  color: #1d4f91;
}
.content img {
  max-width: 100%;
  height: auto;
}
.content blockquote {
  padding-left: 16px;
  border-left: 3px solid #d9d4c8;
  color: #55524b;
}
.content code {
  font-family: Menlo, Consolas, 'Courier New', monospace;
  font-size: 15px;
}
.content .dek {
  font-size: 19px;
  line-height: 1.5;
  color: #55524b;
}
.footer {
  padding: 20px 28px 28px;
  border-top: 1px solid #d9d4c8;
  font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  font-size: 13px;
  line-height: 1.5;
  color: #55524b;
}
.footer p {
  margin: 0 0 8px;
}
.footer a {
  color: #55524b;
}
.preheader {
  display: none;
  max-height: 0;
  max-width: 0;
  overflow: hidden;
  opacity: 0;
  font-size: 1px;
  line-height: 1px;
  color: #f4f1ea;
  mso-hide: all;
}

@media (max-width: 620px) {
  .wrapper-cell {
    padding: 0 !important;
  }
  .topbar,
  .masthead,
  .content,
  .footer {
    padding-left: 16px !important;
    padding-right: 16px !important;
  }
  .content h1 {
    font-size: 24px !important;
  }
}
`;
